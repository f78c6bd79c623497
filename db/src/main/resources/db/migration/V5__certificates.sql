-- Certificates that HTTPS listeners serve, which listeners use which, and the outbox that now also
-- carries certificates to the gateway nodes.

-- One certificate chain with its private key. The key is stored only encrypted (AES-256-GCM under an
-- at-rest key, signalbox.certificates.at-rest-keys.<id>, with the certificate id as associated data);
-- the other columns are what the panel parsed from the chain when it was uploaded.
create table certificates (
    id                      uuid primary key,
    tenant_id               uuid          not null references tenants (id) on delete cascade,
    name                    varchar(64)   not null,
    certificate_chain_pem   text          not null,   -- leaf first, then its issuers
    private_key_key_id      varchar(64)   not null,   -- the at-rest key that encrypted it
    private_key_nonce       bytea         not null,
    private_key_ciphertext  bytea         not null,   -- PKCS#8 PEM, encrypted, tag included
    subject                 varchar(2048) not null,
    issuer                  varchar(2048) not null,
    serial_number           varchar(64)   not null,
    dns_names               text          not null,   -- JSON list of the leaf's DNS names, lower case
    ip_addresses            text          not null,   -- JSON list of the leaf's IP address names
    not_before              timestamptz   not null,
    not_after               timestamptz   not null,
    key_algorithm           varchar(8)    not null check (key_algorithm in ('RSA', 'EC')),
    key_size                integer       not null,
    fingerprint_sha256      varchar(95)   not null,
    chain_length            integer       not null,
    revision                bigint        not null,   -- bumped by every replacement; nodes keep the newest
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    unique (tenant_id, name)
);
create index certificates_tenant_not_after on certificates (tenant_id, not_after);
select signalbox_protect('certificates');

-- Which HTTPS listener serves which certificate: the database refuses to delete a certificate still in
-- use, whatever the application checked before. (Listeners created before this migration named
-- certificate ids that could not exist yet; they have no rows here until they are next changed.)
create table listener_certificates (
    tenant_id       uuid not null references tenants (id) on delete cascade,
    listener_id     uuid not null references listeners (id) on delete cascade,
    certificate_id  uuid not null references certificates (id),
    primary key (listener_id, certificate_id)
);
create index listener_certificates_certificate on listener_certificates (certificate_id);
create index listener_certificates_tenant on listener_certificates (tenant_id);
select signalbox_protect('listener_certificates');

-- An outbox row names a load balancer (config topic) or a certificate (certificates topic). A
-- certificate's row carries its message as it was sealed for the nodes when the change was made,
-- so the relay needs no key; the relay clears it once Kafka has it.
alter table outbox alter column load_balancer_id drop not null;
alter table outbox add column certificate_id uuid;
alter table outbox add column payload text;
alter table outbox add constraint outbox_names_one_subject check ((load_balancer_id is null) <> (certificate_id is null));
