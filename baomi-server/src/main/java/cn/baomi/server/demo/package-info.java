/**
 * The demo unit (演示单位), loaded with {@code --demo} (or {@code baomi.demo=true}) on a database that does not
 * have it yet: a city secrecy bureau supervising a county bureau with five departments and about forty people of
 * every employment type and clearance level, a login for every role, a few carriers in its ledger and an open
 * inventory (清查) whose tasks the secrecy clerk and a staff member see on their home page, secrecy files, trips
 * abroad (pending, approved with the passport out, back) and exits (one held up by a copy, one in the cool-off).
 */
package cn.baomi.server.demo;
