-- Safety for CI: remembered responses of idempotent POSTs, and indexes for keyset pagination.

-- The first successful response to a POST sent with an Idempotency-Key, per tenant and user,
-- replayed to retries with the same key until it is purged after the retention period.
create table idempotency_keys (
    tenant_id        uuid          not null references tenants (id) on delete cascade,
    user_id          uuid          not null references users (id) on delete cascade,
    idempotency_key  varchar(255)  not null,
    request_hash     varchar(64)   not null,
    status           integer       not null,
    content_type     varchar(255),
    location         varchar(2048),
    etag             varchar(255),
    body             bytea         not null,
    created_at       timestamptz   not null,
    primary key (tenant_id, user_id, idempotency_key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
-- Tenant data like any other: row-level security as set up in V3 (the purge runs in the system scope).
select signalbox_protect('idempotency_keys');

-- Lists are read page by page in a stable order (sort key, then id).
create index targets_group_created on targets (target_group_id, created_at, id);
