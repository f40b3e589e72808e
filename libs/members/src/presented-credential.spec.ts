import { presentedCredential } from './presented-credential.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the credential a request presents', () => {
  it('is the key of Authorization: Bearer', () => {
    expect(presentedCredential({ authorization: 'Bearer hub_abc.def' })).toEqual({ key: 'hub_abc.def' });
  });

  it('is the member and key of HTTP Basic, as Confluent clients send basic.auth.user.info', () => {
    expect(presentedCredential({ authorization: basic('education', 'hub_abc.def') })).toEqual({ memberId: 'education', key: 'hub_abc.def' });
  });

  it('keeps a colon inside the password of HTTP Basic', () => {
    expect(presentedCredential({ authorization: basic('education', 'a:b') })).toEqual({ memberId: 'education', key: 'a:b' });
  });

  it('is the X-Api-Key header when there is no Authorization', () => {
    expect(presentedCredential({ 'x-api-key': 'hub_abc.def' })).toEqual({ key: 'hub_abc.def' });
  });

  it('is nothing for a Basic value without a user name, or another scheme', () => {
    expect(presentedCredential({ authorization: basic('', 'key') })).toBeUndefined();
    expect(presentedCredential({ authorization: 'Digest username="x"' })).toBeUndefined();
    expect(presentedCredential({})).toBeUndefined();
  });
});
