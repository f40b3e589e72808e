import { gatewayActionOf } from './gateway-action.js';

describe('the action a gateway request asks for (the access log of a refusal)', () => {
  it('names the action of each route', () => {
    expect(gatewayActionOf('POST', '/v1/events')).toBe('publish');
    expect(gatewayActionOf('PUT', '/v1/csv-mappings/education.student-aid.granted.v1')).toBe('map-csv');
    expect(gatewayActionOf('POST', '/v1/findings/abc/responses')).toBe('respond');
    expect(gatewayActionOf('POST', '/v1/rejections/12/replay')).toBe('replay-rejection');
    expect(gatewayActionOf('POST', '/v1/bulk-loads')).toBe('open-bulk-load');
    expect(gatewayActionOf('POST', '/v1/bulk-loads/5b0e8c1a-3f2d-4c6b-9a7e-1d2c3b4a5f60/close')).toBe('close-bulk-load');
    expect(gatewayActionOf('GET', '/v1/bulk-loads/5b0e8c1a-3f2d-4c6b-9a7e-1d2c3b4a5f60')).toBe('read-bulk-loads');
  });

  it('says request for a route that decides nothing, or another method', () => {
    expect(gatewayActionOf('DELETE', '/v1/events')).toBe('request');
    expect(gatewayActionOf('GET', '/v1/nothing')).toBe('request');
  });
});
