/**
 * The shared kernel: roles, clearance levels, the signed-in user, national-algorithm crypto and the
 * web conventions (menu, errors, problem details) that every business module uses.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.baomi.server.shared;
