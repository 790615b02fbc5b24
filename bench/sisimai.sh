#!/usr/bin/env bash
# Times Sisimai 4.25 (apt-get install -y libsisimai-perl) over the same corpus and prints messages/second.
# Usage: bench/sisimai.sh [MAILDIR_ROOT] [ROUNDS]
set -euo pipefail
root="${1:-tests/BounceService.Classification.Tests/Corpus/sisimai/maildir}"
rounds="${2:-3}"
perl -MSisimai -e1 2>/dev/null || { echo "Sisimai is not installed: apt-get install -y libsisimai-perl" >&2; exit 1; }
perl -MSisimai -MTime::HiRes=time -MFile::Find -e '
    my ($root, $rounds) = @ARGV;
    my @files;
    find(sub { push @files, $File::Find::name if /\.eml$/ }, $root);
    die "no .eml files under $root\n" unless @files;
    # Sisimai reads a path as an mbox; each corpus file holds one message.
    my $bounces = 0;
    for my $f (@files) { my $r = Sisimai->make($f); $bounces++ if $r && @$r; }
    my $t0 = time;
    for (1 .. $rounds) { Sisimai->make($_) for @files; }
    my $s = time - $t0;
    printf "Sisimai %s: %d messages (%d bounces) x %d rounds in %.2f s = %.0f messages/second\n",
        $Sisimai::VERSION, scalar @files, $bounces, $rounds, $s, @files * $rounds / $s;
' "$root" "$rounds"
