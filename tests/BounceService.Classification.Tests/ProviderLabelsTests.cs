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
}
