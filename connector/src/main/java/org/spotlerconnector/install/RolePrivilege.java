package org.spotlerconnector.install;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A privilege a security role holds on a table, at a depth. Dataverse names a table's privileges
 * {@code prv<Access><table>} (Microsoft Learn, "Privileges by entity"; privilege.md), with the table's schema name
 * ({@code prvReadspot_SpotlerJob}, {@code prvAppendToContact}); the users table is the exception, {@code prvReadUser}.
 *
 * @param table the table as its privileges name it, e.g. {@code spot_SpotlerJob}, {@code Contact}, {@code User}
 */
public record RolePrivilege(Access access, String table, Depth depth) {

  /** The access rights of a table that a role can hold (privilege.md, AccessRights). */
  public enum Access {
    CREATE("Create"), READ("Read"), WRITE("Write"), DELETE("Delete"), APPEND("Append"), APPEND_TO("AppendTo");

    private final String word;

    Access(String word) {
      this.word = word;
    }
  }

  /**
   * The PrivilegeDepth enum type of the Web API (Basic 0, Local 1, Deep 2, Global 3): the user's own rows, their
   * business unit's, also its child units', or all rows. Declared from shallow to deep.
   */
  public enum Depth {
    BASIC("Basic"), LOCAL("Local"), DEEP("Deep"), GLOBAL("Global");

    private final String apiName;

    Depth(String apiName) {
      this.apiName = apiName;
    }

    /** The name the Web API writes and reads, e.g. {@code Global}. */
    public String apiName() {
      return apiName;
    }

    /** The depth of an API name; empty for others, such as {@code RecordFilter}. */
    static Optional<Depth> of(String apiName) {
      return Arrays.stream(values()).filter(depth -> depth.apiName.equals(apiName)).findFirst();
    }
  }

  public RolePrivilege {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(depth, "depth");
  }

  /** The privilege's name in Dataverse, e.g. {@code prvAppendToContact}. */
  public String name() {
    return "prv" + access.word + table;
  }

  /** Whether a role that holds this privilege at {@code held} needs nothing more. */
  boolean satisfiedBy(Depth held) {
    return held.compareTo(depth) >= 0;
  }

  @Override
  public String toString() {
    return name() + " (" + depth.apiName + ")";
  }
}
