-- Identity and audit: invitations, login throttling, the audit log, and row-level security as the
-- second wall of tenant isolation (the first is the application scoping every query by tenant).
--
-- HOW ROW-LEVEL SECURITY WORKS HERE (the pattern every later migration follows)
-- * Flyway runs as the owner of the tables (a separate connection without the role switch below).
--   The panel connects as the same login but switches to the role signalbox_app right after connecting
--   (Hikari's connection-init-sql: SET ROLE signalbox_app). signalbox_app owns nothing and is no
--   superuser, so the policies apply to it (owners and superusers bypass them).
-- * Whenever the panel takes a connection from the pool it writes the row scope of the current code
--   path into two settings: signalbox.tenant_id (the tenant of the request) and signalbox.system
--   ('on' only for the few cross-tenant code paths: sign-up, login lookup by e-mail, token lookup by
--   hash, invitation lookup by token, the outbox relay and the operator views). With neither set,
--   every protected table looks empty.
-- * A tenant-owned table has a tenant_id column and is protected by calling, in its migration:
--       select signalbox_protect('<table>');
--   which enables row-level security with one policy for every command: the row's tenant_id must
--   be the scope's tenant, or the scope must be system. This migration protects every table that
--   has a tenant_id column at this point (V1's and V2's); tables created by later migrations must
--   call signalbox_protect themselves (a test fails for any tenant_id table without a policy).
--   Grants need nothing: default privileges give signalbox_app DML on every later table.
-- * Tables without tenant_id (outbox, login_throttles) are not tenant data and are not protected.

do $$
begin
    if not exists (select from pg_roles where rolname = 'signalbox_app') then
        create role signalbox_app nologin;
    end if;
    -- the login that runs the panel must be allowed to SET ROLE (superusers always are)
    if not pg_has_role(current_user, 'signalbox_app', 'MEMBER') then
        execute format('grant signalbox_app to %I', current_user);
    end if;
end
$$;

create or replace function signalbox_protect(target regclass, tenant_column text default 'tenant_id')
returns void language plpgsql as $$
declare
    allowed text := format(
        '(current_setting(''signalbox.system'', true) = ''on'''
        || ' or %I = nullif(current_setting(''signalbox.tenant_id'', true), '''')::uuid)', tenant_column);
begin
    execute format('alter table %s enable row level security', target);
    execute format('drop policy if exists tenant_isolation on %s', target);
    execute format('create policy tenant_isolation on %s using %s with check %s', target, allowed, allowed);
end
$$;

-- One-time invitations: only the SHA-256 of the secret is stored; the secret travels by e-mail only.
create table invitations (
    id                uuid primary key,
    tenant_id         uuid         not null references tenants (id) on delete cascade,
    email             varchar(254) not null,
    role              varchar(16)  not null check (role in ('ADMIN', 'EDITOR', 'VIEWER')),
    token_hash        varchar(64)  not null unique,
    invited_by_email  varchar(254) not null,
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    accepted_at       timestamptz,
    revoked_at        timestamptz
);
create index invitations_tenant on invitations (tenant_id);

-- Failed logins per account ('account:<e-mail>') and per source address ('address:<ip>').
create table login_throttles (
    throttle_key      varchar(300) primary key,
    failures          integer      not null,
    first_failure_at  timestamptz  not null,
    last_failure_at   timestamptz  not null,
    locked_until      timestamptz
);

-- Every change and security event. tenant_id is null only for events no tenant can be told
-- (a failed login for an unknown e-mail); such rows are visible to nobody but system code.
create table audit_events (
    id              bigserial    primary key,
    tenant_id       uuid         references tenants (id) on delete cascade,
    occurred_at     timestamptz  not null,
    actor           varchar(400) not null,
    actor_email     varchar(254),
    actor_token_id  uuid,
    action          varchar(64)  not null,
    resource_type   varchar(64)  not null,
    resource_id     varchar(254),
    summary         varchar(500),
    source_address  varchar(64),
    changes         jsonb        not null default '[]'
);
create index audit_events_tenant_id on audit_events (tenant_id, id desc);

-- The tenants table is scoped by its own id; every table with a tenant_id column by that column.
select signalbox_protect('tenants', 'id');
select signalbox_protect(format('%I', c.table_name)::regclass)
from information_schema.columns c
join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
where c.table_schema = current_schema() and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE';

grant usage on schema public to signalbox_app;
grant select, insert, update, delete on all tables in schema public to signalbox_app;
grant usage, select on all sequences in schema public to signalbox_app;
-- the audit log is append-only for the panel
revoke update, delete on audit_events from signalbox_app;
alter default privileges in schema public grant select, insert, update, delete on tables to signalbox_app;
alter default privileges in schema public grant usage, select on sequences to signalbox_app;
