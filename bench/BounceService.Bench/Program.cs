using System.Diagnostics;
using BounceService.Classification.Mail;

// Parses every .eml under a directory N times, in memory, so the figure is the parser's and not the disk's.
var root = args.ElementAtOrDefault(0) ?? Path.Combine("tests", "BounceService.Classification.Tests", "Corpus", "sisimai", "maildir");
var rounds = int.TryParse(args.ElementAtOrDefault(1), out var n) && n > 0 ? n : 20;
var messages = Directory.EnumerateFiles(root, "*.eml", SearchOption.AllDirectories).Select(File.ReadAllBytes).ToArray();
if (messages.Length == 0)
{
    Console.Error.WriteLine($"no .eml files under {root}");
    return 1;
}

// Warm-up until the JIT has compiled the hot paths fully, so the figure is the steady state of a long-running
// service: tiered compilation starts with quick code, then instruments what runs often and recompiles it with
// the profile it gathered (dynamic PGO, on by default). On this 2-core machine that takes 6-8 s (measured:
// with 3 s it still runs instrumented code; with PGO off, 3 s reach a steady state about 8% slower).
var bounces = messages.Count(m => MailBounces.Read(m).IsBounce);
var warmUp = Stopwatch.StartNew();
while (warmUp.Elapsed < TimeSpan.FromSeconds(10))
{
    foreach (var message in messages) MailBounces.Read(message);
}
var allocated = GC.GetAllocatedBytesForCurrentThread();
var clock = Stopwatch.StartNew();
for (var round = 0; round < rounds; round++)
{
    foreach (var message in messages) MailBounces.Read(message);
}
clock.Stop();
allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

var total = (long)messages.Length * rounds;
// Allocation per message does not depend on what else the machine runs, so it tracks the parser's cost
// where the rate (shared cores) does not.
Console.WriteLine($"BounceService: {messages.Length} messages ({bounces} bounces) x {rounds} rounds in {clock.Elapsed.TotalSeconds:F2} s = {total / clock.Elapsed.TotalSeconds:F0} messages/second, {allocated / total / 1024.0:F1} KiB allocated per message");
return 0;
