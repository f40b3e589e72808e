import { decodeCsvBody } from './submission-charset.js';
import { submissionMediaType } from './submission-media-type.js';

// 张三,640104 in GBK.
const GBK = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x36, 0x34, 0x30, 0x31, 0x30, 0x34]);

describe('the character set of a CSV export', () => {
  it('is read as declared: GBK as GB18030, which contains it', () => {
    expect(decodeCsvBody(GBK, 'GBK')).toEqual({ text: '张三,640104', charset: 'gb18030', detected: false });
  });

  it('is told from the bytes when none is declared: valid UTF-8 is UTF-8, anything else GB18030', () => {
    expect(decodeCsvBody(Buffer.from('张三,640104'))).toEqual({ text: '张三,640104', charset: 'utf-8', detected: true });
    expect(decodeCsvBody(GBK)).toEqual({ text: '张三,640104', charset: 'gb18030', detected: true });
  });

  it('refuses a body that is not valid in the charset it declares', () => {
    expect(() => decodeCsvBody(GBK, 'utf-8')).toThrow('the body is not valid utf-8 text');
  });
});

describe('the media type of a submission', () => {
  it.each([
    ['application/json', { format: 'json' }],
    [undefined, { format: 'json' }],
    ['application/x-ndjson; charset=utf-8', { format: 'ndjson', charset: 'utf-8' }],
    ['text/csv; charset="GBK"', { format: 'csv', charset: 'GBK' }],
  ])('reads %s', (contentType, expected) => {
    expect(submissionMediaType(contentType)).toEqual(expected);
  });

  it.each([
    ['application/xml', 'Content-Type application/xml is not one the gateway reads'],
    ['application/json; charset=gbk', 'application/json is read as UTF-8 only'],
    ['text/csv; charset=big5', 'charset=big5 is not one the gateway reads CSV in'],
  ])('does not read %s, saying why', (contentType, message) => {
    expect(submissionMediaType(contentType)).toEqual({ unsupported: expect.stringContaining(message) });
  });
});
