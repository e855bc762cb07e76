// Runs jobs on N threads and hands their results back in submission order, with a bound on
// how many are in flight so memory stays bounded however long the input is.
#ifndef KASHIF_TOOLS_CLI_ORDERED_POOL_H_
#define KASHIF_TOOLS_CLI_ORDERED_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace kashif::cli {

template <typename Job>
class OrderedPool {
 public:
  // `work` runs on a worker thread and turns a job into its result (in place); `emit` runs on
  // the submitting thread, once per job, in submission order.
  OrderedPool(int threads, std::function<void(Job&)> work, std::function<void(Job&)> emit)
      : work_(std::move(work)), emit_(std::move(emit)), max_in_flight_(4 * size_t(threads)) {
    if (threads <= 1) return;  // run inline
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }
  ~OrderedPool() { Finish(); }

  void Submit(Job job) {
    if (workers_.empty()) {
      work_(job);
      emit_(job);
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    // Emit whatever is ready while waiting for room: the emitter is this thread.
    done_ready_.wait(lock, [&] {
      DrainReady(&lock);
      return next_seq_ - next_emit_ < max_in_flight_;
    });
    queue_.emplace_back(next_seq_++, std::move(job));
    work_ready_.notify_one();
    DrainReady(&lock);
  }

  // Waits for every job and emits the remaining results.
  void Finish() {
    if (workers_.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu_);
      done_ready_.wait(lock, [&] {
        DrainReady(&lock);
        return next_emit_ == next_seq_;
      });
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : workers_) t.join();
    workers_.clear();
  }

 private:
  void WorkerLoop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      auto [seq, job] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      work_(job);
      lock.lock();
      finished_.emplace(seq, std::move(job));
      done_ready_.notify_all();
    }
  }

  // Emits finished results in order; called with the lock held, releases it while emitting.
  void DrainReady(std::unique_lock<std::mutex>* lock) {
    while (!finished_.empty() && finished_.begin()->first == next_emit_) {
      Job job = std::move(finished_.begin()->second);
      finished_.erase(finished_.begin());
      lock->unlock();
      emit_(job);
      lock->lock();
      ++next_emit_;
    }
  }

  std::function<void(Job&)> work_;
  std::function<void(Job&)> emit_;
  const size_t max_in_flight_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_ready_, done_ready_;
  std::deque<std::pair<size_t, Job>> queue_;
  std::map<size_t, Job> finished_;
  size_t next_seq_ = 0, next_emit_ = 0;
  bool stopping_ = false;
};

}  // namespace kashif::cli

#endif  // KASHIF_TOOLS_CLI_ORDERED_POOL_H_
