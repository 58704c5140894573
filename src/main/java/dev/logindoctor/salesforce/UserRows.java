package dev.logindoctor.salesforce;

import dev.logindoctor.model.UserRecord;

import java.util.List;
import java.util.Objects;

/**
 * The User rows answered for {@code WHERE Username = '…'}, judged on this side: only a row whose
 * Username is the wanted one (a string, equal ignoring case, as Salesforce compares usernames) is
 * that user. A row that is not — another name, a number, none at all — proves nothing either way.
 */
final class UserRows {
    private UserRows() {
    }

    /** The rows whose Username is {@code wanted}. */
    static List<SObjectRow> matching(List<SObjectRow> rows, String wanted) {
        return rows.stream().filter(r -> r.string("Username") != null
                && r.string("Username").strip().equalsIgnoreCase(wanted.strip())).toList();
    }

    /** The user, from its rows; duplicated rows that disagree on IsActive leave it unknown. */
    static UserRecord record(List<SObjectRow> matches) {
        SObjectRow u = matches.get(0);
        Boolean active = u.bool("IsActive");
        for (SObjectRow other : matches) {
            if (!Objects.equals(active, other.bool("IsActive"))) {
                active = null;
            }
        }
        return new UserRecord(u.string("Id"), u.string("Username"), active, u.string("ProfileId"),
                u.text("Profile.Name"), u.text("UserType"), u.instant("LastPasswordChangeDate"), u.instant("LastLoginDate"));
    }

    /** Why the user is unknown although rows came back: the gap's text, naming no value. */
    static String noMatch(List<SObjectRow> rows, String wanted) {
        return "the User query returned " + rows.size() + " row(s), none with a Username equal to " + wanted
                + ", so whether that user exists is unknown";
    }
}
