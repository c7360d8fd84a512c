// A small Go program for tests/realworld: goroutines, channels, a mutex,
// time.Sleep, a signal handled through os/signal, and GC pressure. Go's
// runtime uses no libc, many threads (clone), futexes and signals (for
// goroutine preemption), so it exercises a32run's thread and signal layers.
// Prints one line per part and "go ok" at the end; exits 1 on a wrong result.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"sync"
	"syscall"
	"time"
)

func check(ok bool, what string) {
	if !ok {
		fmt.Println("FAILED:", what)
		os.Exit(1)
	}
}

// Workers sum disjoint ranges and send the partial sums over a channel.
func channels() {
	const workers, per = 8, 100000
	results := make(chan int64, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			var s int64
			for i := w * per; i < (w+1)*per; i++ {
				s += int64(i)
			}
			results <- s
		}(w)
	}
	var total int64
	for w := 0; w < workers; w++ {
		total += <-results
	}
	n := int64(workers * per)
	check(total == n*(n-1)/2, "channel sum")
	fmt.Println("channels:", total)
}

// Many goroutines increment a shared counter under a mutex.
func mutex() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	counter := 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 5000; i++ {
				mu.Lock()
				counter++
				mu.Unlock()
				if i%1000 == 0 {
					runtime.Gosched()
				}
			}
		}()
	}
	wg.Wait()
	check(counter == 16*5000, "mutex counter")
	fmt.Println("mutex:", counter)
}

// Sleeping goroutines wake in order of their delays.
func sleeps() {
	order := make(chan int, 3)
	start := time.Now()
	for _, d := range []int{30, 10, 20} {
		go func(d int) {
			time.Sleep(time.Duration(d) * time.Millisecond)
			order <- d
		}(d)
	}
	a, b, c := <-order, <-order, <-order
	check(a == 10 && b == 20 && c == 30, "sleep order")
	check(time.Since(start) >= 30*time.Millisecond, "sleep duration")
	fmt.Println("sleep:", a, b, c)
}

// SIGUSR1 sent to ourselves arrives on a signal.Notify channel.
func signals() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGUSR1)
	check(syscall.Kill(os.Getpid(), syscall.SIGUSR1) == nil, "kill")
	select {
	case s := <-ch:
		check(s == syscall.SIGUSR1, "signal number")
		fmt.Println("signal:", s)
	case <-time.After(5 * time.Second):
		check(false, "signal not delivered within 5 s")
	}
	signal.Stop(ch)
}

type node struct {
	next *node
	data [64]byte
}

// Allocates far more than it keeps, so the collector runs many times
// (concurrently, on other threads), and checks the kept list afterwards.
func gcPressure() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var keep *node
	for i := 0; i < 400000; i++ {
		n := &node{}
		n.data[0] = byte(i)
		if i%100 == 0 {
			n.next = keep
			keep = n
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	count := 0
	for n := keep; n != nil; n = n.next {
		check(n.data[0] == byte((3999-count)*100), "kept data")
		count++
	}
	check(count == 4000, "kept count")
	check(after.NumGC-before.NumGC >= 2, "collections ran")
	fmt.Println("gc: kept", count)
}

func main() {
	fmt.Println("go", runtime.GOARCH, "GOMAXPROCS", runtime.GOMAXPROCS(0) > 0)
	channels()
	mutex()
	sleeps()
	signals()
	gcPressure()
	fmt.Println("go ok")
}
