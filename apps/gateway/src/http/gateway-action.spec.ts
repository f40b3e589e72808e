import { gatewayActionOf } from './gateway-action.js';

describe('the action a gateway request asks for (the access log of a refusal)', () => {
  it('names the action of each route', () => {
    expect(gatewayActionOf('POST', '/v1/events')).toBe('publish');
    expect(gatewayActionOf('PUT', '/v1/csv-mappings/education.student-aid.granted.v1')).toBe('map-csv');
    expect(gatewayActionOf('POST', '/v1/findings/abc/responses')).toBe('respond');
    expect(gatewayActionOf('POST', '/v1/rejections/12/replay')).toBe('replay-rejection');
  });

  it('says request for a route that decides nothing, or another method', () => {
    expect(gatewayActionOf('DELETE', '/v1/events')).toBe('request');
    expect(gatewayActionOf('GET', '/v1/nothing')).toBe('request');
  });
});
