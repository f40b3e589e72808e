import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { metricsText } from './hub-metrics.js';

/** GET /metrics: the service's series in the Prometheus text format, for a scraper on the operators' network (no API key, like /health). */
@Controller()
export class MetricsController {
  @Get('metrics')
  @ApiOperation({ summary: "The service's series for Prometheus: HTTP requests, records in and out, consumer lag, batches, dead letters, the database pool, the process" })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format (version 0.0.4).' })
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() response: Response): Promise<void> {
    const { contentType, body } = await metricsText();
    response.type(contentType).send(body);
  }
}
