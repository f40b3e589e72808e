import { samplesOf } from './prometheus-series.js';

const SCRAPE = `# HELP hub_consumer_lag_records Records on a partition after the last batch a group handled
# TYPE hub_consumer_lag_records gauge
hub_consumer_lag_records{group="crosscheck",topic="education.student-enrolment.changed.v2",partition="0"} 12
hub_consumer_lag_records{group="crosscheck",topic="civil-affairs.household-status.changed.v1",partition="3"} 0
hub_consumer_lag_records_other{group="x"} 5
hub_records_consumed_total{group="crosscheck",topic="a"} 7
`;

describe('reading a series from a Prometheus scrape', () => {
  it('gives each sample of the series with its labels and value', () => {
    expect(samplesOf(SCRAPE, 'hub_consumer_lag_records')).toEqual([
      { labels: { group: 'crosscheck', topic: 'education.student-enrolment.changed.v2', partition: '0' }, value: 12 },
      { labels: { group: 'crosscheck', topic: 'civil-affairs.household-status.changed.v1', partition: '3' }, value: 0 },
    ]);
  });

  it('passes over comments, series that only begin with the name, and other series', () => {
    expect(samplesOf(SCRAPE, 'hub_records_consumed_total')).toEqual([{ labels: { group: 'crosscheck', topic: 'a' }, value: 7 }]);
  });

  it('reads escaped quotes in a label value, and a series without labels', () => {
    expect(samplesOf('up{job="a \\"b\\""} 1\nprocess_open_fds 9\n', 'up')).toEqual([{ labels: { job: 'a "b"' }, value: 1 }]);
    expect(samplesOf('process_open_fds 9\n', 'process_open_fds')).toEqual([{ labels: {}, value: 9 }]);
  });
});
