/**
 * Maker equipment and loan devices: machines per lab, maker passes without accounts, inductions, machine
 * reservations, device pools and loans with the wipe checklist, and the door kiosk's anonymous tallies.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Equipment")
package eu.impactlab.equipment;
