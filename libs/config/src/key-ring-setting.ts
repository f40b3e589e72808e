import { Matches } from 'class-validator';

const KEY_RING = /^\s*\d+:[A-Za-z0-9+/=_-]+\s*(,\s*\d+:[A-Za-z0-9+/=_-]+\s*)*$/;

/** A setting holding a key ring, `<version>:<base64 secret>[,...]`, answered with how to make one when malformed. */
export const IsKeyRing = (setting: string): PropertyDecorator =>
  Matches(KEY_RING, {
    message: `${setting} must be <version>:<base64 secret>[,<version>:<base64 secret>...]; make one with: node -e "console.log('1:' + require('crypto').randomBytes(32).toString('base64'))"`,
  });
