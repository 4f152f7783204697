// Process-wide allocator settings for running the rules.
//
// Promises: TuneAllocator() tells glibc's malloc to serve blocks up to
// 32 MiB (the most it allows) from its heaps, and not to hand freed memory
// back to the kernel below 256 MiB. Each capturing match of a large rule
// allocates scratch sized by its program (hundreds of KiB); with glibc's
// defaults that memory is mmap'd and munmap'd on every match, and with two
// threads each munmap interrupts the other core to flush its TLB. Measured
// on 4 MiB of generated news: 1 thread 12.0 -> 10.1 s, 2 threads 7.7 ->
// 5.6 s, the same peak memory. Call it once, first thing in main; it does
// nothing where the C library is not glibc.
#pragma once

namespace newsroles {

void TuneAllocator();

}  // namespace newsroles
