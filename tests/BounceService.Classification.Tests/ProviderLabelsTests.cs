namespace BounceService.Classification.Tests;

public class ProviderLabelsTests
{
    [Theory]
    [InlineData("Permanent", "hard")]
    [InlineData("HardBounce", "hard")]
    [InlineData("hard_bounce", "hard")]
    [InlineData(" Transient ", "soft")]
    [InlineData("SoftBounce", "soft")]
    [InlineData("deferred", "soft")]
    [InlineData("Undetermined", "undetermined")]
    [InlineData("SpamComplaint", "complaint")]
    public void KindOf_maps_a_provider_label_whatever_its_case(string label, string kind) =>
        Assert.Equal(kind, ProviderLabels.KindOf(label));

    [Theory]
    [InlineData("Something new")]
    [InlineData("")]
    [InlineData(null)]
    public void KindOf_gives_null_for_an_unknown_label(string? label) =>
        Assert.Null(ProviderLabels.KindOf(label));

    [Theory]
    [InlineData("bad-mailbox", "userunknown")]
    [InlineData(" Quota-Issues ", "mailboxfull")]
    [InlineData("inactive-mailbox", "suspend")]
    [InlineData("no-answer-from-host", "networkerror")]
    [InlineData("hard", null)]
    [InlineData(null, null)]
    public void ReasonOf_maps_a_sending_systems_category(string? label, string? reason) =>
        Assert.Equal(reason, ProviderLabels.ReasonOf(label));

    [Theory]
    [InlineData("550 5.2.1 <a@example.jp>... User Unknown", "bad-mailbox", "userunknown")]
    [InlineData("550 5.0.0 Delivery failed", "quota-issues", "mailboxfull")]
    [InlineData("550 5.0.0 Delivery failed", "spam-related", "spamdetected")]
    [InlineData("450 4.0.0 Unable to deliver", "message-expired", "expired")]
    [InlineData("554 5.0.0 Service unavailable", "routing-errors", "systemerror")]
    public void A_sending_systems_category_decides_where_codes_and_text_name_no_specific_reason(string diagnostic, string label, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic, label: label).Reason);

    [Theory]
    [InlineData("552 5.2.2 Mailbox full", "bad-mailbox", "mailboxfull")]
    [InlineData("550 5.1.2 Host unknown", "routing-errors", "hostunknown")]
    [InlineData("552 5.2.2 Mailbox full", "message-expired", "mailboxfull")]
    public void A_loose_category_gives_way_to_a_specific_code(string diagnostic, string label, string reason) =>
        Assert.Equal(reason, Bounces.Classify(diagnostic, label: label).Reason);

    [Fact]
    public void Without_the_category_the_same_reply_is_a_filters_answer() =>
        Assert.Equal("filtered", Bounces.Classify("550 5.2.1 <a@example.jp>... User Unknown").Reason);
}
