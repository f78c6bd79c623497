-- Tenants, identity, the load balancer model, revisions and the outbox.
-- Every tenant-owned row carries tenant_id; the application scopes every query by it.

create table tenants (
    id          uuid primary key,
    slug        varchar(40)  not null unique,
    name        varchar(100) not null,
    created_at  timestamptz  not null default now()
);

create table users (
    id             uuid primary key,
    tenant_id      uuid         not null references tenants (id) on delete cascade,
    email          varchar(254) not null unique,
    display_name   varchar(100) not null,
    password_hash  varchar(200) not null,
    role           varchar(16)  not null check (role in ('ADMIN', 'EDITOR', 'VIEWER')),
    created_at     timestamptz  not null default now()
);
create index users_tenant on users (tenant_id);

create table api_tokens (
    id            uuid primary key,
    tenant_id     uuid         not null references tenants (id) on delete cascade,
    user_id       uuid         not null references users (id) on delete cascade,
    name          varchar(100) not null,
    token_prefix  varchar(16)  not null,
    token_hash    varchar(64)  not null unique,
    scopes        varchar(32)  not null,
    expires_at    timestamptz  not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz  not null default now()
);
create index api_tokens_tenant on api_tokens (tenant_id);

create table load_balancers (
    id          uuid primary key,
    tenant_id   uuid         not null references tenants (id) on delete cascade,
    name        varchar(32)  not null,
    revision    bigint       not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    unique (tenant_id, name)
);

create table target_groups (
    id                   uuid primary key,
    tenant_id            uuid         not null references tenants (id) on delete cascade,
    load_balancer_id     uuid         not null references load_balancers (id) on delete cascade,
    name                 varchar(32)  not null,
    protocol             varchar(8)   not null,
    algorithm            varchar(32)  not null,
    hc_protocol          varchar(8)   not null,
    hc_path              varchar(1024) not null,
    hc_port              integer,
    hc_interval_seconds  integer      not null,
    hc_timeout_seconds   integer      not null,
    hc_healthy_threshold integer      not null,
    hc_unhealthy_threshold integer    not null,
    hc_matcher           varchar(100) not null,
    created_at           timestamptz  not null default now(),
    unique (load_balancer_id, name)
);
create index target_groups_tenant on target_groups (tenant_id);

create table targets (
    id               uuid primary key,
    tenant_id        uuid         not null references tenants (id) on delete cascade,
    target_group_id  uuid         not null references target_groups (id) on delete cascade,
    host             varchar(253) not null,
    port             integer      not null,
    weight           integer      not null,
    created_at       timestamptz  not null default now(),
    unique (target_group_id, host, port)
);
create index targets_tenant on targets (tenant_id);

create table listeners (
    id                       uuid primary key,
    tenant_id                uuid        not null references tenants (id) on delete cascade,
    load_balancer_id         uuid        not null references load_balancers (id) on delete cascade,
    protocol                 varchar(8)  not null,
    port                     integer     not null,
    default_target_group_id  uuid        not null references target_groups (id),
    created_at               timestamptz not null default now(),
    unique (load_balancer_id, port)
);
create index listeners_tenant on listeners (tenant_id);

-- The full configuration of a load balancer at every revision it had.
create table config_revisions (
    load_balancer_id  uuid         not null,
    revision          bigint       not null,
    tenant_id         uuid         not null references tenants (id) on delete cascade,
    snapshot          text         not null,
    actor             varchar(254) not null,
    summary           varchar(500) not null,
    created_at        timestamptz  not null,
    primary key (load_balancer_id, revision)
);
create index config_revisions_tenant on config_revisions (tenant_id);

-- Written in the same transaction as the change; the relay publishes and marks it.
create table outbox (
    id                bigserial primary key,
    load_balancer_id  uuid        not null,
    revision          bigint,           -- null: the load balancer was deleted (tombstone)
    created_at        timestamptz not null default now(),
    published_at      timestamptz
);
create index outbox_unpublished on outbox (id) where published_at is null;
