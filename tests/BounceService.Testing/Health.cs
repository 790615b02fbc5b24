namespace BounceService.Testing;

public static class Health
{
    /// <summary>Waits until a service's <c>/health</c> says Healthy (its bus is connected and its queues bound).</summary>
    public static Task WaitUntilHealthyAsync(HttpClient client, string name) =>
        Eventually.GetAsync(
            async () => await (await client.GetAsync("/health")).Content.ReadAsStringAsync(),
            body => body == "Healthy",
            TimeSpan.FromSeconds(60),
            $"{name} to report Healthy");
}
