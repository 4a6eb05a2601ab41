-- Generated carrier ledger for bench/ledger.sh, into the schema that the app's Flyway migrations created.
-- One SQL for PostgreSQL and H2 (PostgreSQL mode). bench/ledger.sh replaces @COPIES@ (a multiple of 5) and
-- @EVENTS@ (events per copy) and runs it with foreign-key checks off (the rows are consistent by construction).
--
-- 50 units in a tree (1 city bureau, 9 districts, 40 offices), 10 departments, 8 positions, 10 safes and 400 persons
-- per unit (clearances: 5 % core, 25 % important, 50 % general, 20 % none; 1 % inactive). Carriers of 5 copies
-- spread over the units, 5 % 绝密, 30 % 机密, 65 % 秘密, every kind of need-to-know scope (unit, department,
-- position, persons), 82 % of the copies live, the rest lent, pending hand-over, sent, destroyed or returned.
-- Ids are explicit; bench/ledger.sh moves the identity columns past them afterwards.

insert into units (id, parent_id, code, name, supervising, active, created_at)
select g.i, case when g.i = 1 then null when g.i <= 10 then 1 else 2 + mod(g.i - 11, 9) end,
       'B' || g.i, '测试单位' || g.i, g.i = 1, true, timestamp with time zone '2020-01-01 00:00:00+08'
from generate_series(1, 50) as g(i);

insert into departments (id, unit_id, name, active, created_at)
select g.i, (g.i - 1) / 10 + 1, '处室' || (mod(g.i - 1, 10) + 1), true, timestamp with time zone '2020-01-01 00:00:00+08'
from generate_series(1, 500) as g(i);

insert into positions (id, unit_id, name, active, created_at)
select g.i, (g.i - 1) / 8 + 1, '岗位' || (mod(g.i - 1, 8) + 1), true, timestamp with time zone '2020-01-01 00:00:00+08'
from generate_series(1, 400) as g(i);

-- person p of unit (p-1)/400+1: department (p mod 10)+1 and position (p mod 8)+1 of that unit
insert into persons (id, unit_id, department_id, position_id, name, id_number_cipher, id_number_digest,
                     id_number_masked, employment_type, clearance, active, created_at, updated_at)
select g.i, (g.i - 1) / 400 + 1, ((g.i - 1) / 400) * 10 + mod(g.i, 10) + 1, ((g.i - 1) / 400) * 8 + mod(g.i, 8) + 1,
       '人员' || g.i, 'bench', 'bench-' || g.i, '110***********' || lpad(cast(mod(g.i, 10000) as varchar), 4, '0'),
       'REGULAR',
       case when mod(g.i, 20) = 0 then 'CORE' when mod(g.i, 20) <= 5 then 'IMPORTANT'
            when mod(g.i, 20) <= 15 then 'GENERAL' else 'NONE' end,
       mod(g.i, 97) <> 0, timestamp with time zone '2020-01-01 00:00:00+08', timestamp with time zone '2020-01-01 00:00:00+08'
from generate_series(1, 20000) as g(i);

insert into safes (id, unit_id, number, place, responsible_person_id, created_at)
select g.i, (g.i - 1) / 10 + 1, 'G' || (mod(g.i - 1, 10) + 1), '机要室' || (mod(g.i - 1, 10) + 1),
       ((g.i - 1) / 10) * 400 + 1, timestamp with time zone '2020-01-01 00:00:00+08'
from generate_series(1, 500) as g(i);

-- carrier c: unit mod(c*37 + c/7, 50)+1, level by c mod 20, type by (c/2) mod 10, scope kind by (c/3) mod 5
insert into carriers (id, unit_id, carrier_type, title, document_number, secret_level, duration_kind, origin, origin_name,
                      copy_count, registered_by, created_at)
select g.i, mod(g.i * 37 + g.i / 7, 50) + 1,
       case when mod(g.i / 2, 10) <= 6 then 'PAPER' when mod(g.i / 2, 10) = 7 then 'OPTICAL'
            when mod(g.i / 2, 10) = 8 then 'FLASH' else 'MAGNETIC' end,
       case mod(g.i, 6) when 0 then '年度预算报告' when 1 then '专题会议纪要' when 2 then '工作实施方案'
            when 3 then '重点项目清单' when 4 then '情况通报' else '请示' end || ' 第' || g.i || '号',
       '发改〔' || (2015 + mod(g.i, 11)) || '〕' || g.i || '号',
       case when mod(g.i, 20) = 0 then 'TOP_SECRET' when mod(g.i, 20) <= 6 then 'SECRET' else 'CONFIDENTIAL' end,
       'DEFAULT',
       case mod(g.i, 3) when 0 then 'OWN_UNIT' when 1 then 'RECEIVED' else 'QUALIFIED_MAKER' end,
       case mod(g.i, 3) when 0 then null when 1 then '上级机关' else '定点印刷厂' end,
       5, 'bench', timestamp with time zone '2015-01-01 00:00:00+08' + g.i * interval '5' minute
from generate_series(1, @COPIES@ / 5) as g(i);

-- first scope entry: the whole unit, a department (two kinds), a position or a person of the carrier's unit
insert into carrier_scope (carrier_id, kind, ref_id)
select c.id,
       case mod(c.id / 3, 5) when 0 then 'UNIT' when 1 then 'DEPARTMENT' when 2 then 'DEPARTMENT'
            when 3 then 'POSITION' else 'PERSON' end,
       case mod(c.id / 3, 5) when 0 then c.unit_id
            when 1 then (c.unit_id - 1) * 10 + mod(c.id, 10) + 1 when 2 then (c.unit_id - 1) * 10 + mod(c.id, 10) + 1
            when 3 then (c.unit_id - 1) * 8 + mod(c.id, 8) + 1
            else (c.unit_id - 1) * 400 + 1 + mod(c.id * 13, 400) end
from carriers c;

-- a second department for a third of the carriers, a second person for those scoped to persons
insert into carrier_scope (carrier_id, kind, ref_id)
select c.id, case when mod(c.id / 3, 5) = 4 then 'PERSON' else 'DEPARTMENT' end,
       case when mod(c.id / 3, 5) = 4 then (c.unit_id - 1) * 400 + 1 + mod(c.id * 13 + 200, 400)
            else (c.unit_id - 1) * 10 + mod(c.id + 5, 10) + 1 end
from carriers c where mod(c.id, 3) = 0 or mod(c.id / 3, 5) = 4;

-- copy k of carrier (k-1)/5+1: custodian a person of the unit; status by k mod 50
insert into carrier_copies (id, carrier_id, unit_id, copy_number, ledger_number, custodian_id, pending_custodian_id,
                            borrower_id, due_date, safe_id, place, status, version)
select g.i, c.id, c.unit_id, mod(g.i - 1, 5) + 1,
       'B' || c.unit_id || '-' || (2015 + mod(c.id, 11)) || '-' ||
           case c.secret_level when 'TOP_SECRET' then 'JM' when 'SECRET' then 'JIM' else 'MM' end || '-' || g.i,
       (c.unit_id - 1) * 400 + 1 + mod(g.i * 7, 400),
       case when mod(g.i, 50) = 7 then (c.unit_id - 1) * 400 + 1 + mod(g.i * 7 + 3, 400) end,
       case when mod(g.i, 50) in (5, 6) then (c.unit_id - 1) * 400 + 1 + mod(g.i * 7 + 11, 400) end,
       case when mod(g.i, 50) in (5, 6) then date '2027-06-30' end,
       case when mod(g.i, 2) = 0 then (c.unit_id - 1) * 10 + mod(g.i / 2, 10) + 1 end,
       case when mod(g.i, 2) = 1 then '档案室' || mod(g.i, 7) end,
       case when mod(g.i, 50) <= 3 then 'DESTROYED' when mod(g.i, 50) = 4 then 'RETURNED'
            when mod(g.i, 50) in (5, 6) then 'LENT' when mod(g.i, 50) = 7 then 'HANDOVER_PENDING'
            when mod(g.i, 50) = 8 then 'SENT' else 'LIVE' end,
       @EVENTS@
from generate_series(1, @COPIES@) as g(i) join carriers c on c.id = (g.i - 1) / 5 + 1;

-- event n of a copy: registered first, then lent / returned / hand-over requested / confirmed in turn
insert into copy_events (id, copy_id, event_type, occurred_at, actor, from_custodian_id, to_custodian_id, safe_id, place,
                         due_date, note)
select g.i, cp.id,
       case when mod(g.i - 1, @EVENTS@) = 0 then 'REGISTERED'
            else case mod(mod(g.i - 1, @EVENTS@), 4) when 1 then 'LENT' when 2 then 'LOAN_RETURNED'
                      when 3 then 'HANDOVER_REQUESTED' else 'HANDOVER_CONFIRMED' end end,
       timestamp with time zone '2015-01-01 00:00:00+08' + cp.carrier_id * interval '5' minute
           + mod(g.i - 1, @EVENTS@) * interval '3' day,
       'bench',
       case when mod(g.i - 1, @EVENTS@) = 0 then null else cp.custodian_id end,
       case when mod(g.i - 1, @EVENTS@) = 0 then cp.custodian_id else cp.unit_id * 400 - mod(g.i, 400) end,
       cp.safe_id, cp.place,
       case when mod(mod(g.i - 1, @EVENTS@), 4) = 1 then date '2024-12-31' end,
       case when mod(g.i, 10) = 0 then '生成的历史记录' end
from generate_series(1, @COPIES@ * @EVENTS@) as g(i) join carrier_copies cp on cp.id = (g.i - 1) / @EVENTS@ + 1;

-- The text search's index (V70): every two-character piece of the lowered title, document number and ledger numbers
-- of a carrier, as the application writes it for each carrier and copy it creates (carrier.SearchGrams) and V71 for
-- the carriers that existed before; the primary key is built again afterwards, in one go.
alter table carrier_search_grams drop constraint pk_carrier_search_grams;
insert into carrier_search_grams (gram, unit_id, carrier_id)
select distinct substring(t.s, n.i, 2), t.unit_id, t.carrier_id
from (select lower(title) as s, unit_id, id as carrier_id from carriers
      union all select lower(document_number), unit_id, id from carriers where document_number is not null
      union all select lower(ledger_number), unit_id, carrier_id from carrier_copies) t
join generate_series(1, 600) as n(i) on n.i < char_length(t.s);
alter table carrier_search_grams add constraint pk_carrier_search_grams primary key (gram, unit_id, carrier_id);

-- The bench accounts, each signing in with a personal API token (token hashes filled in by bench/ledger.sh):
-- the secrecy office of the city bureau (keeps all 50 units), of district 2 (keeps units 2, 11, 20, 29, 38, 47)
-- and a staff member of district 2 (clearance important, department 12, position 10) who sees by scope.
insert into accounts (id, username, display_name, password_hash, unit_id, person_id, enabled, must_change_password,
                      failed_attempts, created_at)
values (9001, 'bench_city_office', '市局保密办', '{noop}-', 1, 1, true, false, 0, current_timestamp),
       (9002, 'bench_office', '区保密办', '{noop}-', 2, 402, true, false, 0, current_timestamp),
       (9003, 'bench_staff', '工作人员', '{noop}-', 2, 401, true, false, 0, current_timestamp);
insert into account_roles (account_id, role)
values (9001, 'SECRECY_OFFICER'), (9002, 'SECRECY_OFFICER'), (9003, 'STAFF');
insert into api_tokens (account_id, name, token_hash, token_prefix, created_at)
values (9001, 'bench', '@HASH_CITY@', 'bm_bench', current_timestamp),
       (9002, 'bench', '@HASH_OFFICE@', 'bm_bench', current_timestamp),
       (9003, 'bench', '@HASH_STAFF@', 'bm_bench', current_timestamp);
