using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BounceService.SubscriberState.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a database or the app's configuration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<StateDbContext>
{
    public StateDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<StateDbContext>();
        options.UseStateDatabase("Host=localhost");
        return new(options.Options);
    }
}
