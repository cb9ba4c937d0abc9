package org.spotlerconnector.install;

import java.util.List;

/** A security role created in the root business unit, and the privileges it is given. */
public record SecurityRole(String name, String description, List<RolePrivilege> privileges) {
  public SecurityRole {
    privileges = List.copyOf(privileges);
  }
}
