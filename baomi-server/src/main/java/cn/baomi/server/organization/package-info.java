/**
 * Organisation (组织机构): the unit tree with its departments and positions, and the persons who work
 * there. Other modules use {@link cn.baomi.server.organization.UnitDirectory} for a user's data scope,
 * {@link cn.baomi.server.organization.PersonDirectory} to look persons up, and listen for
 * {@link cn.baomi.server.organization.PersonDeactivated} and {@link cn.baomi.server.organization.PersonPostChanged}.
 * A module that keeps a record of a person links it from the person page through
 * {@link cn.baomi.server.organization.PersonPageLinks}. Everything else is internal.
 */
package cn.baomi.server.organization;
