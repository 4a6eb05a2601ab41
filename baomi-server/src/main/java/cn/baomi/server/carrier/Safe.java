package cn.baomi.server.carrier;

/** A safe (保密柜) of a unit: its number, where it stands and who is responsible for it. */
record Safe(long id, long unitId, String number, String place, long responsiblePersonId) {
}
