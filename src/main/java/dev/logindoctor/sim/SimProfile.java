package dev.logindoctor.sim;

import dev.logindoctor.model.IpRange;
import dev.logindoctor.model.LoginHours;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** A profile: its Login IP Ranges, Login Hours (org time zone) and system permissions. */
final class SimProfile {
    final String id;
    final String name;
    final String userLicense;
    final List<IpRange> loginIpRanges;
    /** Minutes from local midnight per day, [start, end); a missing day is unrestricted. */
    final Map<DayOfWeek, int[]> loginHourMinutes;
    final LoginHours loginHours;
    final Perms perms;
    SimPermissionSet ownedPermissionSet;

    SimProfile(String id, String name, String userLicense, List<IpRange> loginIpRanges,
               Map<DayOfWeek, int[]> loginHourMinutes, String timeZone, Perms perms) {
        this.id = id;
        this.name = name;
        this.userLicense = userLicense;
        this.loginIpRanges = List.copyOf(loginIpRanges);
        this.loginHourMinutes = Map.copyOf(loginHourMinutes);
        this.loginHours = new LoginHours(timeZone, loginHourMinutes.entrySet().stream()
                .map(e -> new LoginHours.DayWindow(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList());
        this.perms = perms;
    }
}
