import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ErrorCode, HubError } from '@hub/errors';

function readEd25519Key(file: string, what: string, parse: (pem: string) => KeyObject): KeyObject {
  let key: KeyObject;
  try {
    key = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HubError(ErrorCode.ConfigInvalid, `cannot read the ${what} ${file}: ${(error as Error).message}`, { context: { file }, cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new HubError(ErrorCode.ConfigInvalid, `the ${what} ${file} is a ${key.asymmetricKeyType} key; checkpoints are signed with Ed25519`, { context: { file } });
  }
  return key;
}

/** The audit service's signing key: an Ed25519 private key in a PKCS#8 PEM file. */
export const readSigningKey = (file: string): KeyObject => readEd25519Key(file, 'audit signing key', createPrivateKey);

/** A key checkpoints are trusted from: an Ed25519 public key (SPKI PEM), or a private key's file, whose public half is used. */
export const readTrustedKey = (file: string): KeyObject => readEd25519Key(file, 'audit public key', createPublicKey);
