#!/usr/bin/env perl
# tests/tamper.t: edits made behind the engine's back are found by
# `casework verify`, which exits non-zero naming the case and, where there
# is one, the event. The store comes from the reference scenario; each kind
# of tampering is made with the sqlite3 tool on a fresh copy of it. (The
# events table's triggers forbid UPDATE and DELETE; a tamperer drops them
# first, as these tests do. The timescale index is an index, not evidence,
# and verify does not check it: not tested here.)
use v5.36;
use strict;
use warnings;
use FindBin;
use File::Temp qw(tempdir);
use POSIX ();
use Test::More;

my $repo = "$FindBin::Bin/..";
my $bin = $ENV{CASEWORK} // "$repo/build/casework";
my $ref = "$repo/tests/reference";
my $tmp = tempdir('casework-tamper-XXXXXX', TMPDIR => 1, CLEANUP => 1);

sub run_cmd(@cmd) {
	my $pid = open(my $fh, '-|') // die "fork: $!";
	if (!$pid) {
		open STDERR, '>&', \*STDOUT;
		exec @cmd or POSIX::_exit(127);
	}
	local $/;
	my $out = <$fh> // '';
	close $fh;
	return ($? >> 8, $out);
}

sub sql($db, $sql) {
	my ($rc, $out) = run_cmd('sqlite3', '-bail', $db, $sql);
	die "sqlite3 failed ($rc): $out\n$sql" if $rc;
	chomp $out;
	return $out;
}

sub verify($db) { return run_cmd($bin, 'verify', '--db', $db, '--root', $ref) }

my $base = "$tmp/base.db";
{
	my ($rc, $out) = run_cmd($bin, 'run', '--root', $ref, '--db', $base, "$ref/scenarios/reference.lua");
	is $rc, 0, 'the reference scenario runs and keeps its store' or diag $out;
}
my $cases = sql($base, 'SELECT count(*) FROM cases');
ok $cases >= 5, "the store has $cases cases";

my $n = 0;
sub fresh() {
	my $db = "$tmp/copy" . ++$n . '.db';
	sql($base, ".backup '$db'");
	return $db;
}
sub seq_of($db, $case, $name) {
	my $s = sql($db, "SELECT seq FROM events WHERE case_id = $case AND name = '$name' ORDER BY seq LIMIT 1");
	die "case $case has no event $name" unless $s;
	return $s;
}
my $untrigger = 'DROP TRIGGER events_append_only_u; DROP TRIGGER events_append_only_d;';

{
	my $db = fresh();
	my ($rc, $out) = verify($db);
	is $rc, 0, 'the untampered copy verifies' or diag $out;
	like $out, qr/^$cases cases, \d+ events verified: ok$/m, '... and says so';
}

{
	my $db = fresh();
	my $seq = seq_of($db, 1, 'allocate');
	my ($rc, $out) = run_cmd('sqlite3', $db, "UPDATE events SET at = at + 1 WHERE case_id = 1 AND seq = $seq");
	isnt $rc, 0, 'with the triggers in place an UPDATE of an event is refused';
	like $out, qr/events are append-only/, '... by the append-only trigger';
	($rc, $out) = run_cmd('sqlite3', $db, "DELETE FROM events WHERE case_id = 1 AND seq = $seq");
	isnt $rc, 0, '... and so is a DELETE';
	($rc, $out) = verify($db);
	is $rc, 0, '... and the store still verifies' or diag $out;
}

# Each kind: the SQL, the case it touches, and what verify must name.
# $s{name} is the seq of case 1's first event called name.
my $db0 = fresh();
my %s = map { $_ => seq_of($db0, 1, $_) } qw(accept allocate start_assessment submit_assessment authorise_assessment review);
my $last = sql($db0, 'SELECT max(seq) FROM events WHERE case_id = 1');
my $case_d_last = sql($db0, "SELECT max(seq) FROM events WHERE case_id = (SELECT max(case_id) FROM events WHERE name = 'raise_concern')");

my @kinds = (
	{ what => "an event's input edited", case => 1, seq => $s{allocate}, problem => qr/edited/,
	  sql => "UPDATE events SET input = replace(input, '\"rationale\":\"skills\"', '\"rationale\":\"favouritism\"')"
	       . " WHERE case_id = 1 AND seq = $s{allocate}",
	  check => "SELECT count(*) FROM events WHERE input LIKE '%favouritism%'" },
	{ what => "an event's time changed", case => 1, seq => $s{start_assessment}, problem => qr/edited/,
	  sql => "UPDATE events SET at = at - 86400 WHERE case_id = 1 AND seq = $s{start_assessment}" },
	{ what => "an event's recorded facts changed", case => 1, seq => $s{accept}, problem => qr/edited/,
	  sql => "UPDATE events SET facts = replace(facts, '\"open_cases\":0', '\"open_cases\":1') WHERE case_id = 1 AND seq = $s{accept}",
	  check => "SELECT count(*) FROM events WHERE case_id = 1 AND seq = $s{accept} AND facts LIKE '%\"open_cases\":1%'" },
	{ what => "an event's actor changed", case => 1, seq => $s{authorise_assessment}, problem => qr/edited/,
	  sql => "UPDATE events SET user_id = user_id + 1 WHERE case_id = 1 AND seq = $s{authorise_assessment}" },
	{ what => 'an event deleted', case => 1, seq => $s{submit_assessment} + 1, problem => qr/missing or out of order/,
	  sql => "DELETE FROM events WHERE case_id = 1 AND seq = $s{submit_assessment}" },
	{ what => "the case's last event deleted", case => 1, divergence => 1,
	  sql => "DELETE FROM events WHERE case_id = 1 AND seq = $last" },
	{ what => 'two events reordered (their seq swapped)', case => 1, seq => $s{start_assessment} + 1,
	  problem => qr/missing or out of order/,
	  sql => "UPDATE events SET seq = -1 WHERE case_id = 1 AND seq = $s{start_assessment};"
	       . " UPDATE events SET seq = $s{start_assessment} WHERE case_id = 1 AND seq = $s{start_assessment} + 1;"
	       . " UPDATE events SET seq = $s{start_assessment} + 1 WHERE case_id = 1 AND seq = -1;" },
	{ what => 'two events reordered (stored order swapped, seq kept)', case => 1, seq => $s{start_assessment} + 1,
	  problem => qr/missing or out of order/,
	  sql => "CREATE TEMP TABLE x AS SELECT id, seq FROM events WHERE case_id = 1 AND seq IN ($s{start_assessment}, $s{start_assessment} + 1);"
	       . " UPDATE events SET id = -id WHERE id IN (SELECT id FROM x);"
	       . " UPDATE events SET id = (SELECT max(id) FROM x) WHERE id = -(SELECT min(id) FROM x);"
	       . " UPDATE events SET id = (SELECT min(id) FROM x) WHERE id = -(SELECT max(id) FROM x);" },
	{ what => 'two events reordered (their contents swapped)', case => 1, seq => $s{start_assessment}, problem => qr/edited|chain/,
	  sql => "CREATE TEMP TABLE x AS SELECT * FROM events WHERE case_id = 1 AND seq IN ($s{start_assessment}, $s{start_assessment} + 1);"
	       . " UPDATE events SET (at, user_id, role, kind, name, input, facts) ="
	       . " (SELECT at, user_id, role, kind, name, input, facts FROM x WHERE x.seq <> events.seq)"
	       . " WHERE case_id = 1 AND seq IN ($s{start_assessment}, $s{start_assessment} + 1);" },
	{ what => 'a forged event appended (INSERT passes the triggers)', case => 1, seq => $last + 1, problem => qr/edited/,
	  keep_triggers => 1,
	  sql => "INSERT INTO events(case_id, seq, at, user_id, role, kind, name, input, facts, prev_hash, hash)"
	       . " SELECT case_id, seq + 1, at + 60, user_id, role, kind, name, input, facts, hash, hash FROM events"
	       . " WHERE case_id = 1 AND seq = $last" },
	{ what => "the stored view's timescale status changed", case => 1, divergence => qr/timescales\[\d+\]\.status/,
	  sql => "UPDATE cases SET view = replace(view, '\"status\":\"met_late\"', '\"status\":\"met\"') WHERE id = 1",
	  check => "SELECT count(*) FROM cases WHERE id = 1 AND view NOT LIKE '%met_late%'" },
	{ what => "the stored view's data changed", case => 1, divergence => qr/data\.allocation_late/,
	  sql => "UPDATE cases SET view = replace(view, '\"allocation_late\":true', '\"allocation_late\":false') WHERE id = 1",
	  check => "SELECT count(*) FROM cases WHERE id = 1 AND view LIKE '%\"allocation_late\":false%'" },
	{ what => "the stored view's state changed", case => 1, divergence => qr/\.state/,
	  sql => "UPDATE cases SET view = replace(view, '\"state\":\"closed\"', '\"state\":\"plan\"') WHERE id = 1",
	  check => "SELECT count(*) FROM cases WHERE id = 1 AND view LIKE '%\"state\":\"plan\"%'" },
);

for my $k (@kinds) {
	subtest $k->{what} => sub {
		my $db = fresh();
		sql($db, ($k->{keep_triggers} ? '' : $untrigger) . $k->{sql});
		is sql($db, $k->{check}), 1, 'the edit was made' if $k->{check};
		my ($rc, $out) = verify($db);
		isnt $rc, 0, 'verify exits non-zero';
		like $out, qr/^\d+ cases, \d+ events verified: FAILED$/m, 'verify says FAILED';
		my @failed = $out =~ /^case (\d+): FAILED/mg;
		is_deeply \@failed, [ $k->{case} ], "verify names case $k->{case}, and only it" or diag $out;
		my ($line) = $out =~ /^(case $k->{case}: FAILED .*)$/m;
		$line //= '';
		if ($k->{divergence}) {
			like $line, qr/"divergence":\{/, 'a divergence between replay and the stored view';
			like $line, $k->{divergence}, "at $k->{divergence}" if ref $k->{divergence};
		} else {
			like $line, qr/"chain_ok":false/, 'the hash chain is broken';
			like $line, qr/"chain_problem":\{[^}]*"seq":$k->{seq}\b/, "verify names event $k->{seq}" or diag $line;
			like $line, $k->{problem}, "says $k->{problem}";
		}
	};
}

done_testing;
