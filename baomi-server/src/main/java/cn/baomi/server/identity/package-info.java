/**
 * Accounts, sign-in and the separation of the three administrators (三员): who may sign in, with which
 * roles, how passwords and API tokens are kept, and which parts of the system each role may reach.
 */
package cn.baomi.server.identity;
