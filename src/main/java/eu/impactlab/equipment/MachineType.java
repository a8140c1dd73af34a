package eu.impactlab.equipment;

/** The kinds of maker equipment; a machine's induction is given per kind, so one induction covers all 3D printers. */
enum MachineType {
    PRINTER_3D, LASER_CUTTER, VINYL_CUTTER, SEWING, EMBROIDERY, SOLDERING, VR_HEADSET;

    public String messageKey() {
        return "equipment.type." + name();
    }

    static boolean known(String value) {
        for (MachineType type : values()) {
            if (type.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
