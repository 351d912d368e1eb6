#!/usr/bin/env perl
# Hostile input over HTTP (issue 7): deep JSON nesting, invalid UTF-8, huge
# numbers, header floods, slow and idle clients. Each gets a 4xx (or is cut
# off), the store is unchanged, and the server keeps serving others.
use v5.36;
use IO::Socket::INET;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use JSON::PP;
use Test::More;

my $bin = $ENV{CASEWORK} // 'build/casework';
$SIG{PIPE} = 'IGNORE';   # the server may close on a flood while we are still writing
my $dir = tempdir(CLEANUP => 1);
my $db = "$dir/h.db";
my $pid = open(my $out, '-|', "exec '$bin' serve --db '$db' --root tests/reference --listen 127.0.0.1:0"
	. " --clock virtual --demo 2>'$dir/err'") // die "serve: $!";
$SIG{__DIE__} = sub { kill 'TERM', $pid };
my $port;
while (my $line = <$out>) { if ($line =~ /serving on http:\/\/127\.0\.0\.1:(\d+)/) { $port = $1; last } }
die "no port" unless $port;
END { kill 'TERM', $pid if $pid; }

my $T = 'demo-testshire-triage';
my $ua = HTTP::Tiny->new(timeout => 10);
sub req($method, $path, $body) {
	my $r = $ua->request($method, "http://127.0.0.1:$port$path",
		{ headers => { Authorization => "Bearer $T", 'Content-Type' => 'application/json' }, defined $body ? (content => $body) : () });
	return $r;
}
sub events() { my $c = `sqlite3 '$db' 'select count(*) from events'`; chomp $c; return $c }
sub up() { return $ua->get("http://127.0.0.1:$port/health")->{status} == 200 }

is req('POST', '/cases', '{"workflow": "referral", "data": {"referrer": "gp", "consent": true}}')->{status}, 201, 'a case to act on';
my $before = events();

my $deep = ('[' x 100000) . (']' x 100000);
my $r = req('POST', '/cases', $deep);
is $r->{status}, 400, 'JSON nested 100,000 deep: 400';
like $r->{content}, qr/malformed_json/, '...as malformed JSON';

$r = req('POST', '/cases', qq({"workflow": "referral", "data": {"referrer": "\xff\xfe bad", "consent": true}}));
is $r->{status}, 400, 'invalid UTF-8 in a string: 400';

$r = req('POST', '/cases/1/actions/review', '{"input": {"held_on": "2026-01-05", "score": 1e400}}');
is $r->{status}, 400, 'a number too large for a double: 400';
$r = req('POST', '/cases/1/actions/review', '{"input": {"held_on": "2026-01-05", "score": 99999999999999999999999}}');
is $r->{status}, 400, 'an integer too large for 64 bits: 400';
$r = req('POST', '/cases', '{"workflow": "referral", "data": {"referrer": "gp", "consent": true}, "team": 1e308}');
is $r->{status}, 422, 'a huge number where text belongs: 422';

# A header flood: one request with 5,000 headers (over the 64 KiB header limit).
{
	my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 10) or die $!;
	print $s "GET /health HTTP/1.1\r\nHost: x\r\n";
	print $s "X-Flood-$_: " . ('y' x 20) . "\r\n" for 1 .. 5000;
	print $s "\r\n";
	my $status = <$s> // '';
	$status =~ s/\r?\n//;
	ok $status =~ /^HTTP\/1\.[01] 4\d\d/ || $status eq '', '5,000 headers: a 4xx or cut off (' . ($status || 'cut off') . ')';
	close $s;
}
ok up(), 'the server still serves after the flood';

# Slow and idle clients do not stop others being served.
{
	my @idle = map { IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 5) } 1 .. 50;
	my $slow = IO::Socket::INET->new(PeerAddr => "127.0.0.1:$port", Timeout => 5) or die $!;
	print $slow "POST /cases HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"workflow\":";   # and then nothing
	ok up(), '50 idle connections and a client that stopped mid-body: others are served';
	is req('POST', '/cases/1/actions/accept', '{}')->{status}, 200, '...and can act';
	close $_ for grep { $_ } @idle, $slow;
}
$before += 1;   # the accept above
is events(), $before, 'nothing was written by any hostile request';
ok up(), 'the server is up at the end';
kill 'TERM', $pid;
waitpid $pid, 0;
is $? >> 8, 0, 'and stops cleanly';
$pid = 0;
done_testing;
