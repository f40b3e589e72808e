import { ScramClient, ScramError } from './scram-client.js';

// RFC 7677, section 3: the SCRAM-SHA-256 example exchange.
const NONCE = 'rOprNGfwEbeRWgbNEkqO';
const SERVER_FIRST = 'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096';
const CLIENT_FINAL = 'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=';
const SERVER_FINAL = 'v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=';

describe('the SCRAM client (RFC 5802, RFC 7677)', () => {
  it('sends the first message of the RFC 7677 example', () => {
    expect(new ScramClient('user', 'pencil', 'sha256', NONCE).first()).toBe(`n,,n=user,r=${NONCE}`);
  });

  it('answers the example challenge with the example proof, and accepts the example server signature', () => {
    const client = new ScramClient('user', 'pencil', 'sha256', NONCE);
    client.first();
    expect(client.final(SERVER_FIRST)).toBe(CLIENT_FINAL);
    expect(() => {
      client.verify(SERVER_FINAL);
    }).not.toThrow();
  });

  it('refuses a server that does not prove it holds the credential', () => {
    const client = new ScramClient('user', 'pencil', 'sha256', NONCE);
    client.final(SERVER_FIRST);
    expect(() => {
      client.verify('v=AAAA');
    }).toThrow(ScramError);
  });

  it('refuses a challenge whose nonce does not extend its own', () => {
    expect(() => new ScramClient('user', 'pencil', 'sha256', NONCE).final('r=other,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096')).toThrow(/malformed/);
  });

  it('escapes a comma and an equals sign in the user name', () => {
    expect(new ScramClient('a,b=c', 'x', 'sha512', 'n').first()).toBe('n,,n=a=2Cb=3Dc,r=n');
  });
});
