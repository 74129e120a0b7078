-- A domain administrator manages the domains an administrator named when granting the role (a hosting
-- provider's webmaster may look after several member organisations), no longer simply the account's own
-- domain. Those who hold the role keep exactly what they had: their own domain.
create table account_admin_domain (
    account_id bigint not null references account (id),
    domain_id  bigint not null references mail_domain (id),
    primary key (account_id, domain_id)
);
create index account_admin_domain_domain on account_admin_domain (domain_id);

insert into account_admin_domain (account_id, domain_id)
select a.id, a.domain_id
  from account a join account_role r on r.account_id = a.id
 where r.role = 'domain-admin' and a.domain_id is not null;
