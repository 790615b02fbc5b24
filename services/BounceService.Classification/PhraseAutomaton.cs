namespace BounceService.Classification;

/// <summary>
/// Finds every phrase of a fixed set in one pass over a text (Aho-Corasick): one table step per character,
/// however many phrases there are. Each phrase carries a tag (0-63); a scan returns the tags of all phrases found.
/// </summary>
internal sealed class PhraseAutomaton
{
    private readonly byte[] symbolOf = new byte[char.MaxValue + 1]; // 0: a character no phrase contains
    private readonly int symbols;
    private readonly ushort[] next;  // state * symbols + symbol: the state after reading that symbol
    private readonly ulong[] tagsOf; // state: tags of the phrases ending there, its suffixes' included

    public PhraseAutomaton(IReadOnlyCollection<(string Phrase, int Tag)> phrases)
    {
        foreach (var c in phrases.SelectMany(p => p.Phrase).Distinct())
        {
            symbolOf[c] = checked((byte)++symbols);
        }
        symbols++;

        // The trie of all phrases, then each state's fallback (the longest proper suffix that is also in the trie).
        var children = new List<Dictionary<int, int>> { new() };
        var tags = new List<ulong> { 0 };
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
            tags[state] |= 1UL << tag;
        }

        next = new ushort[checked(children.Count * symbols)];
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
                var viaFallback = next[fallback[state] * symbols + s];
                if (children[state].TryGetValue(s, out var child))
                {
                    next[state * symbols + s] = checked((ushort)child);
                    fallback[child] = viaFallback;
                    queue.Enqueue(child);
                }
                else
                {
                    next[state * symbols + s] = viaFallback;
                }
            }
        }
    }

    /// <summary>The tags of every phrase that occurs in <paramref name="text"/>.</summary>
    public ulong Scan(ReadOnlySpan<char> text)
    {
        ulong found = 0;
        var state = 0;
        foreach (var c in text)
        {
            state = next[state * symbols + symbolOf[c]];
            found |= tagsOf[state];
        }
        return found;
    }
}
