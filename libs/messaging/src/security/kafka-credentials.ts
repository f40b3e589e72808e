/** How a client proves who it is to the broker: SCRAM-SHA-512 for the hub's services and its members, PLAIN only for the local administrator. */
export interface KafkaSasl {
  mechanism: 'scram-sha-512' | 'plain';
  username: string;
  password: string;
}

/** TLS to the broker: the certificate authority (PEM) the broker's certificate is checked against. */
export interface KafkaTls {
  ca: string;
}
