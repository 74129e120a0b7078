-- Failed logins counted per account and per source address, in the database so that the count holds
-- across a cluster's nodes: too many in a window blocks further tries for a while, without a password
-- hash being computed (cheap to refuse). Keys: 'account:<username>' and 'address:<ip>'. Rows whose window
-- and block are long past are deleted every hour.
create table login_throttle (
    throttle_key   varchar(120) not null primary key,
    version        bigint       not null,
    window_start   timestamp(6) with time zone not null,
    failures       integer      not null,
    blocked_until  timestamp(6) with time zone
);
create index ix_login_throttle_window on login_throttle (window_start);
