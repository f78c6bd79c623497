/**
 * Real services run in-process — PostgreSQL, a KRaft Kafka broker, Redis and an SMTP sink — for the
 * local stack and for integration tests. Everything listens on loopback only. Never part of a
 * production jar.
 */
@NullMarked
package dev.signalbox.embedded;

import org.jspecify.annotations.NullMarked;
