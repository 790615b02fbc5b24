using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BounceService.Classification;

/// <summary>
/// Finds every phrase of a fixed set in one pass over a text (Aho-Corasick): one table step per character,
/// however many phrases there are. Each phrase carries a tag (0-127); a scan returns the tags of all phrases found.
/// </summary>
internal sealed class PhraseAutomaton
{
    private readonly byte[] symbolOf = new byte[char.MaxValue + 1]; // 0: a character no phrase contains
    private readonly int symbols;
    // A state's row in `next` starts at state << rowShift: the scan's steps each wait for the one before, and a
    // shift is quicker than a multiplication.
    private readonly int rowShift;
    private readonly ushort[] next;  // (state << rowShift) + symbol: the state after reading that symbol
    private readonly UInt128[] tagsOf; // state: tags of the phrases ending there, its suffixes' included

    public PhraseAutomaton(IReadOnlyCollection<(string Phrase, int Tag)> phrases)
    {
        foreach (var c in phrases.SelectMany(p => p.Phrase).Distinct())
        {
            symbolOf[c] = checked((byte)++symbols);
        }
        symbols++;
        rowShift = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)symbols - 1);

        // The trie of all phrases, then each state's fallback (the longest proper suffix that is also in the trie).
        var children = new List<Dictionary<int, int>> { new() };
        var tags = new List<UInt128> { 0 };
        foreach (var (phrase, tag) in phrases)
        {
            var state = 0;
            foreach (var c in phrase)
            {
                if (!children[state].TryGetValue(symbolOf[c], out var child))
                {
                    child = children.Count;
                    children[state][symbolOf[c]] = child;
                    children.Add([]);
                    tags.Add(0);
                }
                state = child;
            }
            tags[state] |= UInt128.One << tag;
        }

        next = new ushort[checked(children.Count << rowShift)];
        tagsOf = [.. tags];
        var fallback = new int[children.Count];
        var queue = new Queue<int>();
        for (var s = 0; s < symbols; s++)
        {
            if (children[0].TryGetValue(s, out var child))
            {
                next[s] = checked((ushort)child);
                queue.Enqueue(child);
            }
        }
        while (queue.TryDequeue(out var state))
        {
            tagsOf[state] |= tagsOf[fallback[state]];
            for (var s = 0; s < symbols; s++)
            {
                var viaFallback = next[(fallback[state] << rowShift) + s];
                if (children[state].TryGetValue(s, out var child))
                {
                    next[(state << rowShift) + s] = checked((ushort)child);
                    fallback[child] = viaFallback;
                    queue.Enqueue(child);
                }
                else
                {
                    next[(state << rowShift) + s] = viaFallback;
                }
            }
        }
    }

    /// <summary>The tags of every phrase that occurs in <paramref name="text"/>.</summary>
    public UInt128 Scan(ReadOnlySpan<char> text)
    {
        // Read without bounds checks: by construction a symbol is below the row size and every entry of `next` is a state.
        ref var symbolOf0 = ref MemoryMarshal.GetArrayDataReference(symbolOf);
        ref var next0 = ref MemoryMarshal.GetArrayDataReference(next);
        ref var tagsOf0 = ref MemoryMarshal.GetArrayDataReference(tagsOf);
        UInt128 found = 0;
        nint state = 0;
        foreach (var c in text)
        {
            state = Unsafe.Add(ref next0, (state << rowShift) + Unsafe.Add(ref symbolOf0, c));
            found |= Unsafe.Add(ref tagsOf0, state);
        }
        return found;
    }
}
