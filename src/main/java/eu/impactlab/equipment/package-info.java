/**
 * Equipment: owns maker machines per lab, maker passes without accounts and their inductions, machine reservations,
 * device pools, devices, loans with the wipe checklist, group loans of devices to partner organisations, and the door
 * kiosk with its hourly tallies (tables {@code machine*}, {@code maker_pass}, {@code induction}, {@code device*},
 * {@code group_loan*}, {@code kiosk*}). Its one service for other modules is {@link eu.impactlab.equipment.GroupLoans}
 * (what the partners module needs for device loans). It publishes past-tense
 * events such as {@link eu.impactlab.equipment.MachineReserved}, {@link eu.impactlab.equipment.DeviceLent} and
 * {@link eu.impactlab.equipment.DoorVisited}, which the impact module turns into anonymous figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Equipment")
package eu.impactlab.equipment;
