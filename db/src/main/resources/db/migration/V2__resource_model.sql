-- The full resource model: extra host names and tags of load balancers, listener protocols with
-- any default action, rules, target group settings, and the fleet-wide registry of ports and host
-- names that keeps listeners of different load balancers from colliding on the gateway nodes.

create table load_balancer_host_names (
    load_balancer_id  uuid         not null references load_balancers (id) on delete cascade,
    tenant_id         uuid         not null references tenants (id) on delete cascade,
    host_name         varchar(253) not null,
    position          integer      not null,
    primary key (load_balancer_id, host_name)
);
create index load_balancer_host_names_tenant on load_balancer_host_names (tenant_id);

create table load_balancer_tags (
    load_balancer_id  uuid         not null references load_balancers (id) on delete cascade,
    tenant_id         uuid         not null references tenants (id) on delete cascade,
    tag_key           varchar(128) not null,
    tag_value         varchar(256) not null,
    primary key (load_balancer_id, tag_key)
);
create index load_balancer_tags_tenant on load_balancer_tags (tenant_id);
create index load_balancer_tags_key_value on load_balancer_tags (tag_key, tag_value);

-- Listeners: any action as JSON (the protocol's ActionSnapshot), HTTPS settings.
alter table listeners add column default_action  text;
alter table listeners add column tls_policy      varchar(64);
alter table listeners add column certificate_ids text not null default '[]';
update listeners set default_action = json_build_object('type', 'FORWARD', 'targetGroups',
        json_build_array(json_build_object('targetGroupId', default_target_group_id, 'weight', 1)))::text;
alter table listeners alter column default_action set not null;

create table rules (
    id                uuid primary key,
    tenant_id         uuid        not null references tenants (id) on delete cascade,
    load_balancer_id  uuid        not null references load_balancers (id) on delete cascade,
    listener_id       uuid        not null references listeners (id) on delete cascade,
    priority          integer     not null check (priority between 1 and 50000),
    conditions        text        not null,   -- JSON list of the protocol's ConditionSnapshot
    action            text        not null,   -- JSON ActionSnapshot
    created_at        timestamptz not null default now(),
    unique (listener_id, priority)
);
create index rules_tenant on rules (tenant_id);
create index rules_load_balancer on rules (load_balancer_id);

-- Which listener default action or rule forwards to which target group: the database refuses to
-- delete a target group still forwarded to, whatever the application checked before.
create table forward_references (
    tenant_id         uuid not null references tenants (id) on delete cascade,
    load_balancer_id  uuid not null references load_balancers (id) on delete cascade,
    listener_id       uuid references listeners (id) on delete cascade,
    rule_id           uuid references rules (id) on delete cascade,
    target_group_id   uuid not null references target_groups (id),
    check ((listener_id is null) <> (rule_id is null))
);
create index forward_references_tenant on forward_references (tenant_id);
create index forward_references_target_group on forward_references (target_group_id);
create index forward_references_listener on forward_references (listener_id);
create index forward_references_rule on forward_references (rule_id);
insert into forward_references (tenant_id, load_balancer_id, listener_id, target_group_id)
    select tenant_id, load_balancer_id, id, default_target_group_id from listeners;
alter table listeners drop column default_target_group_id;

alter table target_groups add column port                         integer     not null default 80;
alter table target_groups add column hash_key_type                varchar(16);
alter table target_groups add column hash_key_name                varchar(64);
alter table target_groups add column deregistration_delay_seconds integer     not null default 300;
alter table target_groups add column slow_start_seconds           integer     not null default 0;
alter table target_groups add column stickiness_enabled           boolean     not null default false;
alter table target_groups add column stickiness_type              varchar(16) not null default 'lb_cookie';
alter table target_groups add column stickiness_duration_seconds  integer     not null default 86400;
alter table target_groups add column retries                      integer     not null default 0;
alter table target_groups add column connect_timeout_millis       integer     not null default 5000;
alter table target_groups add column response_timeout_seconds     integer     not null default 60;

-- The fleet-wide registry of listener ports and host names. Every gateway node binds every
-- listener port, so conflicts are between load balancers of different tenants: these tables are
-- deliberately not tenant-owned (no tenant_id, no row-level security) so the check sees them all;
-- the API never reveals more than "in use by another load balancer".
create table fleet_ports (
    port  integer primary key           -- one row per port ever used: the lock that orders claims
);
create table fleet_listeners (
    listener_id       uuid primary key references listeners (id) on delete cascade,
    load_balancer_id  uuid       not null references load_balancers (id) on delete cascade,
    port              integer    not null references fleet_ports (port),
    protocol          varchar(8) not null
);
create index fleet_listeners_port on fleet_listeners (port);
create index fleet_listeners_load_balancer on fleet_listeners (load_balancer_id);
-- extra host names served on a port; generated DNS names are unique by construction
create table fleet_host_names (
    port              integer      not null references fleet_ports (port),
    host_name         varchar(253) not null,
    load_balancer_id  uuid         not null references load_balancers (id) on delete cascade,
    primary key (port, host_name)
);
create index fleet_host_names_load_balancer on fleet_host_names (load_balancer_id);
insert into fleet_ports (port) select distinct port from listeners;
insert into fleet_listeners (listener_id, load_balancer_id, port, protocol)
    select id, load_balancer_id, port, protocol from listeners;
