/** Environment variables through which the global setup hands the test broker and database to the suites. */
export const TEST_KAFKA_BROKERS = 'HUB_TEST_KAFKA_BROKERS';
export const TEST_DATABASE_URL = 'HUB_TEST_DATABASE_URL';
