# tests/realworld: a perl script: regular expressions, hashes, sort,
# sprintf, pack/unpack, Digest::SHA and MIME::Base64 (XS modules), file
# I/O, a pipe from a child process, and local $/.
use strict;
use warnings;
use Digest::SHA qw(sha256_hex);
use MIME::Base64;
use List::Util qw(sum max);

my $text = join(" ", map { "word$_" } 1 .. 200) . " the quick brown fox";
my %count;
$count{length $_}++ for split /\s+/, $text;
print "hash ", join(",", map { "$_=$count{$_}" } sort { $a <=> $b } keys %count), "\n";
(my $swapped = "hello world foo bar") =~ s/(\w+) (\w+)/$2 $1/g;
print "regex $swapped ", scalar(() = $text =~ /word\d*7\b/g), "\n";
print "sprintf ", sprintf("%08.3f|%-5s|%x|%e", 3.14159, "ab", 48879, 12345.678), "\n";
print "pack ", unpack("H*", pack("NnC", 0xdeadbeef, 513, 7)), " ", join(",", unpack("V v", "\x01\x02\x03\x04\x05\x06")), "\n";
print "sha256 ", sha256_hex($text), "\n";
print "base64 ", encode_base64("a32run perl test", ""), "\n";
print "list ", sum(1 .. 1000), " ", max(3, 9, 2), "\n";
print "int ", 2**40, " ", 7 % 3, " ", -7 / 2, " ", 0xffffffff + 1, "\n";

my $file = "/tmp/a32run-perl-$$.txt";
open(my $fh, ">", $file) or die "open: $!";
print $fh "line $_\n" for 1 .. 100;
close $fh;
open($fh, "<", $file) or die "open: $!";
my @lines = <$fh>;
close $fh;
{ local $/; open($fh, "<", $file) or die; my $all = <$fh>; close $fh; print "slurp ", length($all), "\n"; }
unlink $file or die "unlink: $!";
print "lines ", scalar(@lines), " $lines[-1]";
open(my $p, "-|", "echo", "from", "a", "child") or die "pipe: $!";
my $child = <$p>;
close $p;
print "pipe $child";
my @sorted = sort { $b->[1] <=> $a->[1] or $a->[0] cmp $b->[0] } map { [$_, length $_] } qw(pear fig banana kiwi apple);
print "sort ", join(" ", map { $_->[0] } @sorted), "\n";
print "perl ok\n";
