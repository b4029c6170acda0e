package org.sibao.region;

import java.util.Optional;

/** The five domains (领域) of the "四保" whitelist, each with its competent department (行业主管部门). */
public enum Sector {
    INDUSTRY(Department.MIIT),
    COMMERCE(Department.COMMERCE),
    TRANSPORT(Department.TRANSPORT),
    CULTURE_TOURISM(Department.CULTURE_TOURISM),
    KEY_PROJECT(Department.KEY_PROJECTS);

    private final Department department;

    Sector(Department department) {
        this.department = department;
    }

    public Department department() {
        return department;
    }

    /** The sector whose competent department this is (MIIT → INDUSTRY), if any. */
    public static Optional<Sector> ofDepartment(String departmentCode) {
        for (Sector s : values()) {
            if (s.department.name().equals(departmentCode)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Sector> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
