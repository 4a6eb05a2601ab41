-- Closing gaps of the cleared-personnel work (issue 5): requests filed on someone's behalf, withdrawn trips, the end
-- of a level on leaving the post as an entry of the level history, and changes of post that call for a re-review.
-- One portable dialect: runs on PostgreSQL 15+ and on H2 2.x in PostgreSQL mode.

-- An approval the secrecy office files for a person (代为申请) is routed from that person's unit and department.
alter table approvals add column applicant_person_id bigint;
alter table approvals add column applicant_name varchar(50);
alter table approvals add constraint fk_approvals_applicant foreign key (applicant_person_id) references persons (id);
create index ix_approvals_applicant on approvals (applicant_person_id);

-- A trip whose approval request was withdrawn by its requester.
alter table personnel_travels drop constraint ck_personnel_travels_state;
alter table personnel_travels add constraint ck_personnel_travels_state
    check (state in ('PENDING', 'APPROVED', 'REFUSED', 'RECORDED', 'WITHDRAWN'));

-- The entry of the level history that ends a level on leaving the post has the completed exit as its basis.
alter table personnel_levels add column exit_id bigint;
alter table personnel_levels add constraint fk_personnel_levels_exit foreign key (exit_id) references personnel_exits (id);
