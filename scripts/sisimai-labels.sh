#!/usr/bin/env bash
# Prints Sisimai 4.25's reading of each .eml under DIR as labels.jsonl lines (the corpus's format), to start
# the labels of new test messages from. Review every line: 4.25 lacks some of 5.x's reasons (authfailure,
# badreputation, requireptr, notcompliantrfc, suspend, ...), and `hard` is 5.x's sense (the address is dead),
# derived here from the reason and code as Sisimai 5 does.
# Usage: scripts/sisimai-labels.sh DIR   (apt-get install -y libsisimai-perl)
set -euo pipefail
dir="${1:?usage: scripts/sisimai-labels.sh DIR}"
perl -MSisimai -e1 2>/dev/null || { echo "Sisimai is not installed: apt-get install -y libsisimai-perl" >&2; exit 1; }
find "$dir" -name '*.eml' | sort | perl -MSisimai -MJSON::PP -ne '
    chomp; my $path = $_; (my $file = $path) =~ s{^\Q'"$dir"'\E/?}{};
    my $json = JSON::PP->new->canonical;
    my @expect;
    for my $d (@{ Sisimai->make($path) || [] }) {
        my $reason = $d->reason;
        my $status = $d->deliverystatus || undef;
        my $hard = ($reason =~ /^(?:userunknown|hostunknown|hasmoved)$/
            || $reason eq "notaccept" && ($status // "") =~ /^5/) ? JSON::PP::true : JSON::PP::false;
        push @expect, { recipient => $d->recipient->address, status => $status,
            reply_code => ($d->replycode || undef), reason => $reason, hard => $hard };
    }
    print $json->encode({ file => $file, source => "sisimai-4.25", expect => \@expect }), "\n";
'
