/** What other features may use of announcements (R26). */
export {
  ANNOUNCERS,
  deleteAnnouncement,
  editAnnouncement,
  markAnnouncementRead,
  publishAnnouncement,
} from './service';
