using System.ComponentModel.DataAnnotations;

namespace BounceService.SubscriberState.Alerts;

/// <summary>Thresholds of the guide's symptom table (section <c>Alerts</c>); shares are fractions (0.1 = 10%).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Campaign and list rules are not judged below this many sends, so that two bounces out of five raise nothing.</summary>
    [Range(1, long.MaxValue)] public long MinSends { get; set; } = 100;

    /// <summary>5.1.1 above this share of a campaign's sends: bad import source.</summary>
    [Range(0.0, 1.0)] public double UserUnknownShare { get; set; } = 0.10;

    /// <summary>5.7.1 above this share of a campaign's bounces ("across all messages"): DKIM/SPF broken.</summary>
    [Range(0.0, 1.0)] public double AuthFailureShare { get; set; } = 0.50;

    /// <summary>4.7.1 above this share of a campaign's sends: reputation.</summary>
    [Range(0.0, 1.0)] public double ReputationShare { get; set; } = 0.05;

    /// <summary>4.7.0 on at least this share of a campaign's sends: greylisting, wait.</summary>
    [Range(0.0, 1.0)] public double GreylistShare { get; set; } = 0.30;

    /// <summary>Message too large (reason <c>mesgtoobig</c>, or 5.2.3, 5.2.5, 5.3.4) above this share of a campaign's sends.</summary>
    [Range(0.0, 1.0)] public double TooLargeShare { get; set; } = 0.01;

    /// <summary>5.7.x above this share of one recipient domain's outcomes within <see cref="DomainWindow"/>: that receiver blocks you.</summary>
    [Range(0.0, 1.0)] public double DomainBlockShare { get; set; } = 0.20;

    /// <summary>... and at least this many such bounces.</summary>
    [Range(1, long.MaxValue)] public long DomainBlockMinimum { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:01:00", "31.00:00:00")] public TimeSpan DomainWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Mailbox full (4.2.2, 5.2.2) above this share of a list's sends in the last 7 days: stale list ...</summary>
    [Range(0.0, 1.0)] public double StaleListShare { get; set; } = 0.02;

    /// <summary>... and at least this many times its share in the 7 days before: creeping up, not merely high.</summary>
    [Range(1.0, 100.0)] public double StaleListGrowth { get; set; } = 1.5;

    /// <summary>A recipient hard bounce within this span either side of the address's latest CRM activity: check before trusting it.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")] public TimeSpan EngagedActivityWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often standing alerts are judged again, so that they clear when no new bounce comes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
