// Runs jobs on N threads and hands their results back in submission order, with a bound on
// how many are in flight, and on their total cost (bytes), so memory stays bounded however long
// the input is and however large one job is.
#ifndef KASHIF_TOOLS_CLI_ORDERED_POOL_H_
#define KASHIF_TOOLS_CLI_ORDERED_POOL_H_

#include <condition_variable>
#include <cstdint>
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
  // `max_cost`: the total cost of the jobs in flight (one job is always let in, whatever its cost).
  OrderedPool(int threads, std::function<void(Job&)> work, std::function<void(Job&)> emit,
              size_t max_cost = SIZE_MAX)
      : work_(std::move(work)),
        emit_(std::move(emit)),
        max_in_flight_(4 * size_t(threads)),
        max_cost_(max_cost) {
    if (threads <= 1) return;  // run inline
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }
  ~OrderedPool() { Finish(); }

  void Submit(Job job, size_t cost = 0) {
    if (workers_.empty()) {
      work_(job);
      emit_(job);
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    // Emit whatever is ready while waiting for room: the emitter is this thread.
    done_ready_.wait(lock, [&] {
      DrainReady(&lock);
      return next_seq_ == next_emit_ ||
             (next_seq_ - next_emit_ < max_in_flight_ && cost_in_flight_ + cost <= max_cost_);
    });
    cost_in_flight_ += cost;
    costs_.push_back(cost);
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
      cost_in_flight_ -= costs_.front();
      costs_.pop_front();
    }
  }

  std::function<void(Job&)> work_;
  std::function<void(Job&)> emit_;
  const size_t max_in_flight_;
  const size_t max_cost_;
  size_t cost_in_flight_ = 0;
  std::deque<size_t> costs_;  // of the jobs not yet emitted, in submission order
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
