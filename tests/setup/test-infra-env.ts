/** Environment variables through which the global setup hands the test broker and database to the suites. */
export const TEST_KAFKA_BROKERS = 'HUB_TEST_KAFKA_BROKERS';
export const TEST_DATABASE_URL = 'HUB_TEST_DATABASE_URL';
/**
 * The test broker runs with authentication and ACLs, as the hub's does: suites connect as its
 * administrator (TEST_KAFKA_BROKERS is its listener); the security suites also use the listeners
 * of the hub's services and of the members, and the certificate of the latter.
 */
export const TEST_KAFKA_ADMIN_PASSWORD = 'HUB_TEST_KAFKA_ADMIN_PASSWORD';
export const TEST_KAFKA_SERVICE_BROKERS = 'HUB_TEST_KAFKA_SERVICE_BROKERS';
export const TEST_KAFKA_MEMBER_BROKERS = 'HUB_TEST_KAFKA_MEMBER_BROKERS';
export const TEST_KAFKA_CA_FILE = 'HUB_TEST_KAFKA_CA_FILE';
